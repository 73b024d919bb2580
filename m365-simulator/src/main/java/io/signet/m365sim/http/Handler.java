package io.signet.m365sim.http;

/** Answers one request. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
