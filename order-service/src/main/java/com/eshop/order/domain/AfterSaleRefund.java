package com.eshop.order.domain;

import com.eshop.common.api.enums.RefundStatusEnum;

/** The refund of an after-sale (after_sale_refund), made against the payment's trade number under a fixed request id. */
public record AfterSaleRefund(String afterSaleId, String orderId, String refundRequestId, Integer payType, String outTradeNo,
                              int refundAmount, RefundStatusEnum refundStatus) {
}
