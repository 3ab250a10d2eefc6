package com.eshop.pay.api;

import com.eshop.common.api.JsonResult;
import com.eshop.common.api.ops.TimelineEntry;
import com.eshop.common.api.pay.PayApi;
import com.eshop.common.api.pay.PayPrePayDTO;
import com.eshop.common.api.pay.PayPrePayRequest;
import com.eshop.common.api.pay.PayRefundDTO;
import com.eshop.common.api.pay.PayRefundRequest;
import com.eshop.pay.application.ExecuteRefundService;
import com.eshop.pay.application.PayRefundQueryService;
import com.eshop.pay.application.PayTimelineQuery;
import com.eshop.pay.application.PrePayService;
import com.eshop.support.error.ApiResults;
import lombok.RequiredArgsConstructor;
import org.apache.dubbo.config.annotation.DubboService;

import java.util.List;

@DubboService(version = "1.0.0", interfaceClass = PayApi.class)
@RequiredArgsConstructor
public class PayApiImpl implements PayApi {
    private final PrePayService prePayService;
    private final ExecuteRefundService executeRefundService;
    private final PayRefundQueryService payRefundQueryService;
    private final PayTimelineQuery timelineQuery;

    @Override
    public JsonResult<PayPrePayDTO> prePay(PayPrePayRequest request) {
        return ApiResults.call(() -> prePayService.prePay(request));
    }

    @Override
    public JsonResult<Boolean> executeRefund(PayRefundRequest request) {
        return ApiResults.call(() -> executeRefundService.executeRefund(request));
    }

    @Override
    public JsonResult<List<PayRefundDTO>> listRefunds(String orderId) {
        return ApiResults.call(() -> payRefundQueryService.listRefunds(orderId));
    }

    @Override
    public JsonResult<List<TimelineEntry>> orderTimeline(String orderId) {
        return ApiResults.call(() -> timelineQuery.orderTimeline(orderId));
    }
}
