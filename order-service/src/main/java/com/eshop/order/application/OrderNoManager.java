package com.eshop.order.application;

import org.springframework.stereotype.Component;

import java.util.concurrent.ThreadLocalRandom;

@Component
public class OrderNoManager {
    public String genOrderId() {
        return String.format("O%d%05d", System.currentTimeMillis(), ThreadLocalRandom.current().nextInt(100_000));
    }
}
