package io.signet.signature;

import java.util.UUID;

/**
 * The organisation values templates show: {@code companyName} (else the organisation's name), its web
 * address, logo and banner images (uploaded assets) and where a click on the banner leads.
 */
public record SignatureSettings(String companyName, String website, UUID logoAssetId, UUID bannerAssetId,
        String bannerLink) {

    public static final SignatureSettings EMPTY = new SignatureSettings(null, null, null, null, null);
}
