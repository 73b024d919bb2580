package io.signet.agent.server;

import java.util.Objects;

/** An image a signature shows, downloaded from Signet: its bytes and its media type ({@code image/png}, ...). */
public record Image(byte[] bytes, String contentType) {

    public Image {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }
}
