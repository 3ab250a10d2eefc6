package com.eshop.common.api.pay;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewaySignatureTest {
    private static final KeyPair GATEWAY = GatewaySignature.newKeyPair();
    private static final KeyPair OTHER = GatewaySignature.newKeyPair();
    private static final String BODY = "{\"outTradeNo\":\"T1\",\"payAmount\":100}";

    @Test
    void aSignatureVerifiesWithTheGatewaysPublicKeyOnlyOverExactlyWhatWasSigned() {
        String signature = GatewaySignature.sign(GATEWAY.getPrivate(), "1700000000", "n1", BODY);

        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000000", "n1", BODY, signature)).isTrue();
        assertThat(GatewaySignature.verify(OTHER.getPublic(), "1700000000", "n1", BODY, signature)).isFalse();
        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000001", "n1", BODY, signature)).isFalse();
        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000000", "n2", BODY, signature)).isFalse();
        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000000", "n1", BODY.replace("100", "101"), signature)).isFalse();
    }

    @Test
    void missingOrMalformedPartsDoNotVerify() {
        String signature = GatewaySignature.sign(GATEWAY.getPrivate(), "1700000000", "n1", BODY);

        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), null, "n1", BODY, signature)).isFalse();
        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000000", "n1", BODY, null)).isFalse();
        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000000", "n1", BODY, "not base64 !")).isFalse();
        assertThat(GatewaySignature.verify(GATEWAY.getPublic(), "1700000000", "n1", BODY, "AAAA")).isFalse();
    }

    @Test
    void keysRoundTripThroughTheirEncodingWithOrWithoutPemArmour() {
        String encoded = GatewaySignature.encode(GATEWAY.getPublic());
        String pem = "-----BEGIN PUBLIC KEY-----\n" + encoded.substring(0, 64) + "\n" + encoded.substring(64) + "\n-----END PUBLIC KEY-----";

        assertThat(GatewaySignature.publicKey(encoded)).isEqualTo(GATEWAY.getPublic());
        assertThat(GatewaySignature.publicKey(pem)).isEqualTo(GATEWAY.getPublic());
        assertThatThrownBy(() -> GatewaySignature.publicKey("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
