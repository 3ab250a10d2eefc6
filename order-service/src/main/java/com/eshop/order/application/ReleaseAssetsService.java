package com.eshop.order.application;

import com.eshop.common.api.inventory.CancelOrderReleaseProductStockRequest;
import com.eshop.common.api.inventory.StockItemRequest;
import com.eshop.common.api.market.ReleaseUserCouponRequest;
import com.eshop.common.api.mq.CancelOrderAssembleRequest;
import com.eshop.common.api.mq.RocketMqConstant;
import com.eshop.common.api.order.OrderDetailDTO;
import com.eshop.order.domain.OrderPayment;
import com.eshop.support.mq.MqProducer;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The release fan-out of a cancelled order (sections 16, 18): one message per asset, each on its own topic, so a new
 * asset type is a new consumer. A redelivery re-sends all of them; every consumer is idempotent.
 * <p>
 * The coupon has one owner per order: the release here for an unpaid order; for a paid one the refund
 * ({@link RefundMoneyService}), which returns the coupon with the last refunded item once the money is back.
 */
@Service
@RequiredArgsConstructor
public class ReleaseAssetsService {
    private final MqProducer mqProducer;

    public void releaseAssets(CancelOrderAssembleRequest request) {
        OrderDetailDTO order = request.getOrderInfoDTO();
        boolean paid = OrderPayment.isPaid(order.getPayStatus());
        if (paid) {
            mqProducer.send(RocketMqConstant.CANCEL_REFUND_REQUEST_TOPIC, request.getOrderId(), request);
        }
        releaseStock(request);
        if (!paid && order.getCouponId() != null) {
            releaseCoupon(order.getUserId(), order.getCouponId(), request.getOrderId());
        }
    }

    /** CANCEL_RELEASE_INVENTORY of a cancelled order (inventory releases what the order's stock log says). */
    public void releaseStock(CancelOrderAssembleRequest request) {
        CancelOrderReleaseProductStockRequest stock = new CancelOrderReleaseProductStockRequest();
        stock.setOrderId(request.getOrderId());
        stock.setOrderItemRequestList(request.getOrderItemDTOList().stream().map(item -> {
            StockItemRequest stockItem = new StockItemRequest();
            stockItem.setSkuCode(item.getSkuCode());
            stockItem.setSaleQuantity(item.getSaleQuantity());
            return stockItem;
        }).toList());
        mqProducer.send(RocketMqConstant.CANCEL_RELEASE_INVENTORY_TOPIC, request.getOrderId(), stock);
    }

    /** CANCEL_RELEASE_PROPERTY: the coupon the order used goes back to its user. */
    public void releaseCoupon(String userId, String couponId, String orderId) {
        mqProducer.send(RocketMqConstant.CANCEL_RELEASE_PROPERTY_TOPIC, orderId, releaseUserCouponRequest(userId, couponId, orderId));
    }

    static ReleaseUserCouponRequest releaseUserCouponRequest(String userId, String couponId, String orderId) {
        ReleaseUserCouponRequest request = new ReleaseUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return request;
    }
}
