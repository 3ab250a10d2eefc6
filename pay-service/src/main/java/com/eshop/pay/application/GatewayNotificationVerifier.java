package com.eshop.pay.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.support.error.BizException;
import com.eshop.common.api.pay.GatewaySignature;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Accepts a notification only when the gateway's key signed exactly these bytes, recently. */
@Component
public class GatewayNotificationVerifier {
    private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

    private final PublicKey gatewayKey;
    private final Duration validity;
    private final Clock clock;

    @Autowired
    public GatewayNotificationVerifier(PayGatewayProperties properties) {
        this(properties, Clock.systemUTC());
    }

    GatewayNotificationVerifier(PayGatewayProperties properties, Clock clock) {
        if (properties.getPublicKey() == null || properties.getPublicKey().isBlank()) {
            throw new IllegalStateException("eshop.pay.gateway.public-key is not set: pay-service cannot verify the payment"
                    + " gateway's notifications without the gateway's public key (env ESHOP_PAY_GATEWAY_PUBLIC_KEY)");
        }
        this.gatewayKey = GatewaySignature.publicKey(properties.getPublicKey());
        this.validity = properties.getNotificationValidity();
        this.clock = clock;
    }

    /** Refuses, changing nothing, a notification the gateway did not sign or signed outside the validity window. */
    public void verify(SignedNotification notification) {
        if (notification.timestamp() == null || !EPOCH_SECONDS.matcher(notification.timestamp()).matches()
                || !GatewaySignature.verify(gatewayKey, notification.timestamp(), notification.nonce(), notification.body(),
                notification.signature())) {
            throw new BizException(ErrorCode.PAY_NOTIFICATION_SIGNATURE_INVALID);
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(notification.timestamp()));
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(validity) > 0) {
            throw new BizException(ErrorCode.PAY_NOTIFICATION_EXPIRED, "signed at " + signedAt + ", valid for " + validity);
        }
    }
}
