package io.signet.signature;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.signet.signature.internal.AssetRepository;
import io.signet.signature.internal.SettingsRepository;
import io.signet.web.ApiProblem;

/**
 * Images for signatures (logo, banner, employee photos) and the organisation's signature settings.
 * Images are PNG, JPEG or GIF up to 1 MB, served publicly under a random 128-bit token, never by id.
 * An employee's photo is the asset whose id is the employee's {@code photoRef}.
 */
@Service
public class SignatureAssets {

    public static final int MAX_BYTES = 1024 * 1024;
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AssetRepository assets;
    private final SettingsRepository settings;
    private final Clock clock;

    SignatureAssets(AssetRepository assets, SettingsRepository settings, Clock clock) {
        this.assets = assets;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public SignatureAsset upload(UUID orgId, String contentType, byte[] content) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw ApiProblem.invalidField("Content-Type", "must be image/png, image/jpeg or image/gif");
        }
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw ApiProblem.badRequest("The image must be between 1 byte and 1 MB.");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(content));
        } catch (IOException e) {
            image = null;
        }
        if (image == null) {
            throw ApiProblem.badRequest("The body is not a readable " + type + " image.");
        }
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        SignatureAsset asset = new SignatureAsset(UUID.randomUUID(), orgId, HexFormat.of().formatHex(token), type,
                image.getWidth(), image.getHeight(), clock.instant());
        assets.insert(asset, content);
        return asset;
    }

    public List<SignatureAsset> list(UUID orgId) {
        return assets.findAll(orgId);
    }

    public SignatureAsset get(UUID orgId, UUID id) {
        return find(orgId, id).orElseThrow(() -> ApiProblem.notFound("Signature asset", id));
    }

    public Optional<SignatureAsset> find(UUID orgId, UUID id) {
        return id == null ? Optional.empty() : assets.findById(orgId, id);
    }

    /** The photo of an employee whose {@code photoRef} names one of the organisation's assets. */
    public Optional<SignatureAsset> photo(UUID orgId, String photoRef) {
        if (photoRef == null) {
            return Optional.empty();
        }
        try {
            return find(orgId, UUID.fromString(photoRef.trim()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Transactional
    public void delete(UUID orgId, UUID id) {
        if (!assets.delete(orgId, id)) {
            throw ApiProblem.notFound("Signature asset", id);
        }
    }

    /** Bytes and type of the asset with this public token (answers 404 for any unknown token). */
    public AssetRepository.Content content(String token) {
        return (token != null && token.matches("[0-9a-f]{32}") ? assets.contentByToken(token) : Optional.<AssetRepository.Content>empty())
                .orElseThrow(() -> ApiProblem.notFound("Image", "with this address"));
    }

    public SignatureSettings settings(UUID orgId) {
        return settings.find(orgId).orElse(SignatureSettings.EMPTY);
    }

    @Transactional
    public SignatureSettings saveSettings(UUID orgId, SignatureSettings requested) {
        if (requested.logoAssetId() != null && find(orgId, requested.logoAssetId()).isEmpty()) {
            throw ApiProblem.invalidField("logoAssetId", "no signature asset with this id exists");
        }
        if (requested.bannerAssetId() != null && find(orgId, requested.bannerAssetId()).isEmpty()) {
            throw ApiProblem.invalidField("bannerAssetId", "no signature asset with this id exists");
        }
        settings.save(orgId, requested, clock.instant());
        return settings(orgId);
    }
}
