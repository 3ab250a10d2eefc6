package com.eshop.common.api;

import java.util.Arrays;

/** Error codes returned in {@link JsonResult#getErrorCode()}; the name is the code. */
public enum ErrorCode {
    PARAM_INVALID("request parameter is invalid"),
    SYSTEM_ERROR("unexpected system error"),
    LOCK_BUSY("another operation on the same resource is in progress, retry later"),
    /** Flow control refused the call before it did anything (eshop.sentinel.flow). */
    FLOW_LIMITED("too many requests, retry later"),
    /** A service this call needs has been failing; its circuit breaker is open, so the call was refused unchanged. */
    DOWNSTREAM_UNAVAILABLE("a service this call depends on is failing (circuit open), retry later"),
    /**
     * A database, Redis, another service, the transaction coordinator or the broker could not be reached or did not
     * answer in time. Nothing of the call may have happened, or all of it: retry with the same request, which every
     * API accepts again (ids make them idempotent) and answers with the outcome.
     */
    DEPENDENCY_UNAVAILABLE("a dependency of this call is unreachable or timed out, retry later"),

    ORDER_NOT_FOUND("order does not exist"),
    ORDER_ALREADY_EXISTS("an order with this id already exists"),
    ORDER_NOT_OWNED("order belongs to another user"),
    PRODUCT_SKU_NOT_FOUND("product sku does not exist"),
    ORDER_REAL_PAY_AMOUNT_MISMATCH("client pay amount differs from the computed amount"),
    ORDER_STATUS_NOT_PAYABLE("order is not awaiting payment"),
    ORDER_PAY_EXPIRED("order payment time has expired"),
    ORDER_BEING_CANCELLED("order is being cancelled"),
    ORDER_CALLBACK_PAY_AMOUNT_ERROR("callback pay amount differs from the order pay amount"),
    ORDER_CANCEL_PAY_CALLBACK_REFUNDED("order was cancelled; the payment has been refunded"),
    ORDER_PAY_TYPE_REPEAT_REFUNDED("order was already paid with another pay type; this payment has been refunded"),
    ORDER_STATUS_NOT_OUT_STOCKABLE("order cannot move to out-stock from its current status"),
    CURRENT_ORDER_STATUS_CANNOT_CANCEL("order can no longer be cancelled"),
    ORDER_NOT_EXPIRED("a timeout cancel is refused: the order is not awaiting payment past its expire time"),
    ORDER_NOT_CANCELLED("the order's cancellation is not committed; its assets stay held"),
    CANCEL_ORDER_FULFILL_ERROR("fulfillment interception refused; order not cancelled"),
    CANCEL_ORDER_PROCESS_FAILED("order cancellation failed; nothing was changed"),
    SEND_MQ_FAILED("sending a message to the broker failed"),

    COUPON_NOT_FOUND("coupon does not exist"),
    COUPON_UNUSABLE("coupon is used by another order or belongs to another user"),
    COUPON_NOT_APPLICABLE("coupon amount must be below the order amount"),

    PRODUCT_STOCK_NOT_FOUND("product stock does not exist"),
    PRODUCT_STOCK_INSUFFICIENT("product stock is insufficient"),

    FULFILL_ORDER_NOT_FOUND("fulfill order does not exist"),
    DELIVERY_ORDER_NOT_FOUND("delivery order does not exist"),
    DELIVERY_ORDER_ALREADY_OUT_STOCK("goods have left the warehouse; picking cannot be cancelled"),
    LOGISTIC_ORDER_ALREADY_SHIPPED("goods are in transit; shipping cannot be cancelled"),
    DELIVERY_ORDER_CANCELLED("picking was cancelled; the goods cannot leave the warehouse"),

    PAY_TRANSACTION_NOT_FOUND("payment transaction does not exist"),
    PAY_REFUND_CONFLICT("refund request id reused with different content"),
    PAY_CAPTURE_NOT_FOUND("no captured payment for this order and trade"),
    PAY_REFUND_EXCEEDS_CAPTURE("refunds would exceed what was captured for this order and trade"),
    PAY_GATEWAY_UNAVAILABLE("payment gateway unavailable, retry later"),
    PAY_NOTIFICATION_SIGNATURE_INVALID("payment notification is not signed by the gateway"),
    PAY_NOTIFICATION_EXPIRED("payment notification was signed outside its validity window"),
    PAY_NOTIFICATION_MISMATCH("payment notification does not match the trade it names");

    private final String defaultMessage;

    ErrorCode(String defaultMessage) {
        this.defaultMessage = defaultMessage;
    }

    public String getDefaultMessage() {
        return defaultMessage;
    }

    /**
     * A transient refusal or failure: the same request, sent again later, may succeed (and is answered with the
     * outcome if the first one did take effect). Every other code is final for that request.
     */
    public boolean isRetryable() {
        return switch (this) {
            case LOCK_BUSY, FLOW_LIMITED, DOWNSTREAM_UNAVAILABLE, DEPENDENCY_UNAVAILABLE, CANCEL_ORDER_PROCESS_FAILED,
                 SEND_MQ_FAILED, PAY_GATEWAY_UNAVAILABLE -> true;
            default -> false;
        };
    }

    /** Whether {@code code} names a retryable code ({@link #isRetryable()}); false for any other string. */
    public static boolean isRetryable(String code) {
        return Arrays.stream(values()).anyMatch(c -> c.name().equals(code) && c.isRetryable());
    }
}
