package com.eshop.fulfill.infrastructure;

import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.common.api.tms.TmsApi;
import com.eshop.fulfill.application.TmsGateway;
import com.eshop.support.error.ApiResults;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

@Component
public class DubboTmsGateway implements TmsGateway {
    @DubboReference(version = "1.0.0", check = false)
    private TmsApi tmsApi;

    @Override
    public void sendOut(SendOutRequest request) {
        ApiResults.unwrap(tmsApi.sendOut(request));
    }

    @Override
    public void cancelSendOut(String orderId) {
        ApiResults.unwrap(tmsApi.cancelSendOut(orderId));
    }
}
