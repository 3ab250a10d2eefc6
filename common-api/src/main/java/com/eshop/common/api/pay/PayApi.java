package com.eshop.common.api.pay;

import com.eshop.common.api.JsonResult;

import java.util.List;

/** Stands in for the third-party gateway. */
public interface PayApi {
    JsonResult<PayPrePayDTO> prePay(PayPrePayRequest request);

    /** Refunds once per refundRequestId; a repeat returns the first outcome. */
    JsonResult<Boolean> executeRefund(PayRefundRequest payRefundRequest);

    JsonResult<List<PayRefundDTO>> listRefunds(String orderId);
}
