package com.eshop.pay.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.pay.PayApi;
import com.eshop.common.api.pay.PayPrePayDTO;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.common.api.pay.PayRefundDTO;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.pay.application.PayService;
import com.eshop.pay.application.PayTimelineQuery;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = PayApi.class)
public class PayApiImpl implements PayApi {
    private final PayService payService;
    private final PayTimelineQuery timelineQuery;

    public PayApiImpl(PayService payService, PayTimelineQuery timelineQuery) {
        this.payService = payService;
        this.timelineQuery = timelineQuery;
    }

    @Override
    public JsonResult<PayPrePayDTO> prePay(PayPrePayRequest request) {
        return ApiResults.call(() -> payService.prePay(request));
    }

    @Override
    public JsonResult<Boolean> executeRefund(PayRefundRequest request) {
        return ApiResults.call(() -> payService.executeRefund(request));
    }

    @Override
    public JsonResult<List<PayRefundDTO>> listRefunds(String orderId) {
        return ApiResults.call(() -> payService.listRefunds(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
