package com.eshop.order.application;

import lombok.Data;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@Data
@ConfigurationProperties("eshop.order")
public class OrderProperties {
    /** Time from creation to expiry of an unpaid order; the pay-timeout message is due then. */
    private Duration payTimeout = Duration.ofMinutes(30);
    /** Page size of the expired-order scan. */
    private int scanPageSize = 200;
}
