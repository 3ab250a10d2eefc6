package com.eshop.support.auth;

import com.eshop.common.api.InternalApiSignature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Signs this service's calls of internal APIs and verifies the calls it serves ({@link InternalApiSignature}), with
 * the secret of the service's configuration. The secret is never put into a URL, so the registry never shows it.
 * A nonce is not remembered: whoever can read the traffic between the services could replay a call within the
 * clock-skew window (that network is trusted for confidentiality; README "Calling the APIs by hand").
 */
public final class InternalApiAuthenticator {
    /** A shorter secret could be guessed offline from one signed call. */
    public static final int MIN_SECRET_LENGTH = 32;
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{8,128}");

    private final String secret;
    private final Duration maxClockSkew;
    private final Clock clock;

    public InternalApiAuthenticator(String secret, Duration maxClockSkew, Clock clock) {
        checkSecret(secret);
        this.secret = secret;
        this.maxClockSkew = maxClockSkew;
        this.clock = clock;
    }

    /** Throws {@link InternalApiSecretException} unless the secret is set and long enough. */
    public static void checkSecret(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new InternalApiSecretException("eshop.internal-api.secret (env ESHOP_INTERNAL_API_SECRET) is not set:"
                    + " the service could neither call nor verify calls of the suite's internal APIs");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new InternalApiSecretException("eshop.internal-api.secret (env ESHOP_INTERNAL_API_SECRET) has "
                    + secret.length() + " characters; at least " + MIN_SECRET_LENGTH + " are required");
        }
    }

    /** The attachments that sign a call of {@code interfaceName.methodName} made now. */
    public Map<String, String> sign(String interfaceName, String methodName) {
        return InternalApiSignature.attachments(secret, clock.instant().getEpochSecond(), interfaceName, methodName);
    }

    /**
     * Why a call of {@code interfaceName.methodName} with these attachments is refused, or null when it is signed
     * with this secret within the allowed clock skew.
     */
    public String refusal(String interfaceName, String methodName, UnaryOperator<String> attachment) {
        String timestamp = attachment.apply(InternalApiSignature.TIMESTAMP);
        String nonce = attachment.apply(InternalApiSignature.NONCE);
        String signature = attachment.apply(InternalApiSignature.SIGNATURE);
        if (timestamp == null || nonce == null || signature == null) {
            return "the call is not signed: it needs " + InternalApiSignature.TIMESTAMP + ", " + InternalApiSignature.NONCE
                    + " and " + InternalApiSignature.SIGNATURE;
        }
        if (!TIMESTAMP.matcher(timestamp).matches()) {
            return InternalApiSignature.TIMESTAMP + " is not a time in epoch seconds";
        }
        long skewSeconds = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skewSeconds > maxClockSkew.toSeconds()) {
            return InternalApiSignature.TIMESTAMP + " is " + skewSeconds + " s away from the provider's clock (at most "
                    + maxClockSkew.toSeconds() + " s allowed)";
        }
        if (!NONCE.matcher(nonce).matches()) {
            return InternalApiSignature.NONCE + " must be 8 to 128 letters, digits, '-' or '_'";
        }
        String expected = InternalApiSignature.sign(secret, timestamp, nonce, interfaceName, methodName);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return InternalApiSignature.SIGNATURE + " does not match: the call is not signed with the suite's internal-API secret";
        }
        return null;
    }
}
