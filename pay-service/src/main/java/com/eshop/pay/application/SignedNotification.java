package com.eshop.pay.application;

/** A notification as it arrived: the raw body and the gateway's signature headers, none of them trusted yet. */
public record SignedNotification(String timestamp, String nonce, String signature, String body) {
}
