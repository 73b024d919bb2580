package io.signet.agent.cli;

import java.util.List;
import java.util.Map;

import io.signet.agent.DesktopAgent;
import io.signet.agent.signin.AccessToken;
import io.signet.agent.signin.SignIn.Interaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sign-in", description = "Sign in as yourself (silently where Windows or the cache can), once per user.")
final class SignInCommand extends AgentCommand {

    @Option(names = "--device-code", description = "Show a code to enter on another device (support cases).")
    boolean deviceCode;

    @Override
    int run(DesktopAgent agent, Output output) {
        AccessToken token = agent.signIn(deviceCode ? Interaction.DEVICE_CODE : Interaction.INTERACTIVE);
        String account = token.account() == null ? "the account of SIGNET_AGENT_TOKEN" : token.account();
        output.result(List.of("Signed in as " + account + "."), Map.of("ok", true, "account", account));
        return ExitCodes.OK;
    }
}
