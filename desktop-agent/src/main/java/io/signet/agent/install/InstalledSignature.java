package io.signet.agent.install;

import io.signet.agent.server.Signature;

/** A signature Signet has in place: which default it is, the name Outlook lists it under, and its version. */
public record InstalledSignature(Signature.Type type, String name, String version) {
}
