package com.eshop.support.auth;

import com.eshop.common.api.InternalApiSignature;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalApiAuthenticatorTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String PAY_API = "com.eshop.common.api.pay.PayApi";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    private final InternalApiAuthenticator authenticator = at(NOW, SECRET);

    @Test
    void aCallSignedWithTheSecretPasses() {
        Map<String, String> attachments = authenticator.sign(PAY_API, "executeRefund");

        assertThat(attachments).containsOnlyKeys(InternalApiSignature.TIMESTAMP, InternalApiSignature.NONCE, InternalApiSignature.SIGNATURE)
                .containsEntry(InternalApiSignature.TIMESTAMP, Long.toString(NOW.getEpochSecond()));
        assertThat(authenticator.refusal(PAY_API, "executeRefund", attachments::get)).isNull();
    }

    @Test
    void theSignatureIsTheHmacSha256OfTimestampNonceInterfaceAndMethodAsOpensslComputesIt() {
        // printf '%s\n%s\n%s\n%s' 1765108800 n0nce-0001 com.eshop.common.api.pay.PayApi executeRefund \
        //   | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef -r
        assertThat(InternalApiSignature.sign(SECRET, "1765108800", "n0nce-0001", PAY_API, "executeRefund"))
                .isEqualTo("045fd3131bfcf1b2ba3e3fc25c74b2d40c38c788900c85ed4b500b34d12bc377");
    }

    @Test
    void anUnsignedCallIsRefused() {
        assertThat(authenticator.refusal(PAY_API, "executeRefund", name -> null)).contains("not signed");
    }

    @Test
    void aCallSignedWithAnotherSecretIsRefused() {
        Map<String, String> attachments = at(NOW, "another-secret-of-32-characters!!").sign(PAY_API, "executeRefund");

        assertThat(authenticator.refusal(PAY_API, "executeRefund", attachments::get)).contains("does not match");
    }

    @Test
    void aSignatureIsValidForItsOwnInterfaceAndMethodOnly() {
        Map<String, String> attachments = authenticator.sign(PAY_API, "listRefunds");

        assertThat(authenticator.refusal(PAY_API, "executeRefund", attachments::get)).contains("does not match");
        assertThat(authenticator.refusal("com.eshop.common.api.inventory.InventoryApi", "listRefunds", attachments::get))
                .contains("does not match");
    }

    @Test
    void aTamperedNonceOrTimestampIsRefused() {
        Map<String, String> nonce = new HashMap<>(authenticator.sign(PAY_API, "executeRefund"));
        nonce.put(InternalApiSignature.NONCE, "another-nonce");
        Map<String, String> timestamp = new HashMap<>(authenticator.sign(PAY_API, "executeRefund"));
        timestamp.put(InternalApiSignature.TIMESTAMP, Long.toString(NOW.getEpochSecond() - 1));

        assertThat(authenticator.refusal(PAY_API, "executeRefund", nonce::get)).contains("does not match");
        assertThat(authenticator.refusal(PAY_API, "executeRefund", timestamp::get)).contains("does not match");
    }

    @Test
    void aTimestampOutsideTheClockSkewIsRefusedEitherWay() {
        Map<String, String> stale = at(NOW.minusSeconds(61), SECRET).sign(PAY_API, "executeRefund");
        Map<String, String> future = at(NOW.plusSeconds(61), SECRET).sign(PAY_API, "executeRefund");
        Map<String, String> lateButWithin = at(NOW.minusSeconds(60), SECRET).sign(PAY_API, "executeRefund");

        assertThat(authenticator.refusal(PAY_API, "executeRefund", stale::get)).contains("61 s away");
        assertThat(authenticator.refusal(PAY_API, "executeRefund", future::get)).contains("61 s away");
        assertThat(authenticator.refusal(PAY_API, "executeRefund", lateButWithin::get)).isNull();
    }

    @Test
    void malformedTimestampsAndNoncesAreRefusedBeforeTheSignatureIsComputed() {
        Map<String, String> attachments = new HashMap<>(authenticator.sign(PAY_API, "executeRefund"));
        attachments.put(InternalApiSignature.TIMESTAMP, "-5");
        assertThat(authenticator.refusal(PAY_API, "executeRefund", attachments::get)).contains("epoch seconds");

        attachments = new HashMap<>(authenticator.sign(PAY_API, "executeRefund"));
        attachments.put(InternalApiSignature.NONCE, "a\nb");
        assertThat(authenticator.refusal(PAY_API, "executeRefund", attachments::get)).contains("8 to 128");
    }

    @Test
    void noSecretOrAShortOneIsAStartUpError() {
        assertThatThrownBy(() -> at(NOW, null)).isInstanceOf(InternalApiSecretException.class)
                .hasMessageContaining("ESHOP_INTERNAL_API_SECRET").hasMessageContaining("not set");
        assertThatThrownBy(() -> at(NOW, " ")).isInstanceOf(InternalApiSecretException.class).hasMessageContaining("not set");
        assertThatThrownBy(() -> at(NOW, "short-secret")).isInstanceOf(InternalApiSecretException.class)
                .hasMessageContaining("at least 32");
    }

    @Test
    void aServiceWithoutTheSecretStopsBeforeItsContextStarts() {
        InternalApiSecretCheck check = new InternalApiSecretCheck();

        assertThatThrownBy(() -> check.postProcessEnvironment(new MockEnvironment(), null))
                .isInstanceOf(InternalApiSecretException.class).hasMessageContaining("not set");
        check.postProcessEnvironment(new MockEnvironment().withProperty("eshop.internal-api.secret", SECRET), null);
    }

    private static InternalApiAuthenticator at(Instant now, String secret) {
        return new InternalApiAuthenticator(secret, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    }
}
