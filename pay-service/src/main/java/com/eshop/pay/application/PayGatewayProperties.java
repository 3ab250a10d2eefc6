package com.eshop.pay.application;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The payment gateway whose notifications pay-service accepts. */
@Data
@ConfigurationProperties("eshop.pay.gateway")
public class PayGatewayProperties {
    /**
     * The gateway's public key (Base64 of its X.509 encoding, PEM armour allowed) that verifies the signature of its
     * notifications. No default: pay-service does not start without it.
     */
    private String publicKey;
    /**
     * A notification signed longer ago (or further in the future) than this is refused as a replay; the gateway
     * signs every re-delivery afresh.
     */
    private Duration notificationValidity = Duration.ofMinutes(5);
}
