package com.eshop.fulfill.application;

import com.eshop.common.api.ErrorCode;
import com.eshop.common.api.tms.SendOutRequest;
import com.eshop.common.api.wms.PickGoodsRequest;
import com.eshop.support.error.BizException;

import java.util.ArrayList;
import java.util.List;

/** WMS and TMS as seen by fulfillment: every call recorded in order, each cancellation refusable with an error code. */
class RecordingGateways {
    final List<String> remoteCalls = new ArrayList<>();
    ErrorCode wmsRefusal;
    ErrorCode tmsRefusal;

    final WmsGateway wms = new WmsGateway() {
        @Override
        public void pickGoods(PickGoodsRequest request) {
            remoteCalls.add("wms.pickGoods:" + request.getOrderId() + ":" + request.getPickItems().size());
        }

        @Override
        public void cancelPickGoods(String orderId) {
            remoteCalls.add("wms.cancelPickGoods:" + orderId);
            if (wmsRefusal != null) {
                throw new BizException(wmsRefusal);
            }
        }
    };

    final TmsGateway tms = new TmsGateway() {
        @Override
        public void sendOut(SendOutRequest request) {
            remoteCalls.add("tms.sendOut:" + request.getOrderId() + ":" + request.getUserId());
        }

        @Override
        public void cancelSendOut(String orderId) {
            remoteCalls.add("tms.cancelSendOut:" + orderId);
            if (tmsRefusal != null) {
                throw new BizException(tmsRefusal);
            }
        }
    };
}
