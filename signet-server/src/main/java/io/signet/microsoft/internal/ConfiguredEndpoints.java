package io.signet.microsoft.internal;

/** The real Microsoft endpoints (or any configured ones), as registered in Entra ID. */
record ConfiguredEndpoints(Microsoft365Properties properties, String redirectUri) implements Microsoft365Endpoints {

    @Override
    public String clientId() {
        return properties.clientId();
    }

    @Override
    public String clientSecret() {
        return properties.clientSecret();
    }

    @Override
    public String authorityUrl() {
        return properties.authorityUrl();
    }

    @Override
    public String graphUrl() {
        return properties.graphUrl();
    }

    @Override
    public String tenant() {
        return properties.tenant();
    }

    @Override
    public boolean demo() {
        return false;
    }
}
