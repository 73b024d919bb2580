package io.signet.agent.signin;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;

/**
 * MSAL's token cache kept in this process only, shared by every sign-in the process makes: where the system offers
 * no protected store, and in tests. Nothing is written anywhere.
 */
public final class MemoryTokenCache implements ITokenCacheAccessAspect {

    private String serialized;

    @Override
    public synchronized void beforeCacheAccess(ITokenCacheAccessContext context) {
        if (serialized != null) {
            context.tokenCache().deserialize(serialized);
        }
    }

    @Override
    public synchronized void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            serialized = context.tokenCache().serialize();
        }
    }
}
