package io.signet.agent.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.signet.agent.plan.PlatformFacts;
import io.signet.agent.plan.RegistryChange;
import io.signet.agent.plan.RegistryWrite;
import io.signet.agent.registry.RegFile;

/** The {@code .reg} text of an export: the plan's registry changes, with comments saying what they are and what is missing. */
final class RegExport {

    static final String FIRST_COMMENT = "Signet signature settings for classic Outlook ";

    private RegExport() {
    }

    static String render(List<RegistryChange> changes, PlatformFacts facts, List<String> mailboxes) {
        List<String> comments = new ArrayList<>();
        comments.add(FIRST_COMMENT + facts.outlookVersion() + ", written by the Signet agent.");
        comments.add("Import as the user: reg import <this file>  (or double-click it).");
        if (!facts.profileFound()) {
            comments.add("The per-account default signatures (New Signature, Reply-Forward Signature) need an Outlook"
                    + " profile, and this computer has none yet: run the agent again after Outlook's first start.");
        } else if (facts.accounts().stream().noneMatch(a -> mailboxes.stream().anyMatch(m -> m.strip().equalsIgnoreCase(a.accountName())))) {
            comments.add("No account of the Outlook profile is one of the employee's mailboxes, so no default"
                    + " signature is set.");
        }
        List<RegFile.Entry> entries = new ArrayList<>();
        for (RegistryChange change : changes) {
            entries.add(change instanceof RegistryWrite write ? RegFile.Entry.set(write.key(), write.name(), write.value())
                    : RegFile.Entry.delete(change.key(), change.name()));
        }
        return RegFile.render(comments, entries);
    }

    static byte[] bytes(String text) {
        return RegFile.bytes(text);
    }

    static boolean isSignets(byte[] file) {
        return new String(file, StandardCharsets.UTF_16LE).contains(FIRST_COMMENT);
    }
}
