package com.eshop.common.api.pay;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;

import java.util.List;

/**
 * pay-service's internal API: the merchant's side of the payment gateway. Payments come in only through the
 * gateway's signed notifications ({@code POST /pay/notifications}), never through this API.
 */
public interface PayApi {
    JsonResult<PayPrePayDTO> prePay(PayPrePayRequest request);

    /**
     * Refunds once per refundRequestId; a repeat returns the first outcome. Refused without a capture of the
     * order's trade, and when all refunds of that trade would exceed the captured amount.
     */
    JsonResult<Boolean> executeRefund(PayRefundRequest payRefundRequest);

    JsonResult<List<PayRefundDTO>> listRefunds(String orderId);

    /** The steps of this order held here (pre-pay, captured payments and refunds), for the order timeline; empty when there are none. */
    JsonResult<List<TimelineEntry>> orderTimeline(String orderId);
}
