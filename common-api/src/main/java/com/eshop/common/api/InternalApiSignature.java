package com.eshop.common.api;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a call to an internal API (every API not marked {@link PublicApi}) proves that its caller holds the suite's
 * internal-API secret without sending it: three attachments (over triple, HTTP headers) {@value #TIMESTAMP} (epoch
 * seconds), {@value #NONCE} (a fresh random value) and {@value #SIGNATURE}, the lowercase hex HMAC-SHA256, keyed
 * with the secret's UTF-8 bytes, of {@code <timestamp>\n<nonce>\n<interface>\n<method>} (README "Calling the APIs
 * by hand" computes it with openssl).
 */
public final class InternalApiSignature {
    public static final String TIMESTAMP = "eshop-auth-ts";
    public static final String NONCE = "eshop-auth-nonce";
    public static final String SIGNATURE = "eshop-auth-sig";
    private static final String ALGORITHM = "HmacSHA256";

    private InternalApiSignature() {
    }

    /** The three attachments of a call of {@code interfaceName.methodName} made at {@code epochSecond}. */
    public static Map<String, String> attachments(String secret, long epochSecond, String interfaceName, String methodName) {
        String timestamp = Long.toString(epochSecond);
        String nonce = UUID.randomUUID().toString();
        Map<String, String> attachments = new LinkedHashMap<>();
        attachments.put(TIMESTAMP, timestamp);
        attachments.put(NONCE, nonce);
        attachments.put(SIGNATURE, sign(secret, timestamp, nonce, interfaceName, methodName));
        return attachments;
    }

    public static String sign(String secret, String timestamp, String nonce, String interfaceName, String methodName) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            String signed = timestamp + '\n' + nonce + '\n' + interfaceName + '\n' + methodName;
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has " + ALGORITHM, e);
        }
    }
}
