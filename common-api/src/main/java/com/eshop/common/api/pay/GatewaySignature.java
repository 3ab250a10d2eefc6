package com.eshop.common.api.pay;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How the payment gateway signs its asynchronous notifications and the merchant verifies them, as WeChat Pay v3
 * does: SHA256withRSA over {@code timestamp \n nonce \n body \n}, Base64-encoded, sent in the headers
 * {@value #TIMESTAMP_HEADER}, {@value #NONCE_HEADER} and {@value #SIGNATURE_HEADER}. The timestamp (epoch seconds)
 * is signed too, so an old notification cannot be made to look recent.
 */
public final class GatewaySignature {
    public static final String TIMESTAMP_HEADER = "Pay-Gateway-Timestamp";
    public static final String NONCE_HEADER = "Pay-Gateway-Nonce";
    public static final String SIGNATURE_HEADER = "Pay-Gateway-Signature";
    private static final String ALGORITHM = "SHA256withRSA";
    private static final int KEY_BITS = 2048;

    private GatewaySignature() {
    }

    public static String sign(PrivateKey key, String timestamp, String nonce, String body) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(message(timestamp, nonce, body));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a gateway notification", e);
        }
    }

    /** false for a missing or malformed part as much as for a signature made with another key or over other content. */
    public static boolean verify(PublicKey key, String timestamp, String nonce, String body, String signatureBase64) {
        if (timestamp == null || nonce == null || body == null || signatureBase64 == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message(timestamp, nonce, body));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The Base64 of the key's X.509 (SubjectPublicKeyInfo) encoding: the body of a PEM public key. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Reads a public key given as Base64 of its X.509 encoding, with or without PEM armour and line breaks. */
    public static PublicKey publicKey(String encoded) {
        String base64 = encoded.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("not an RSA public key (Base64 of its X.509 encoding expected)", e);
        }
    }

    private static byte[] message(String timestamp, String nonce, String body) {
        return (timestamp + "\n" + nonce + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
