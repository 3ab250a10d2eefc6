package com.eshop.order.infrastructure.gateway;

import com.eshop.common.api.market.LockUserCouponRequest;
import com.eshop.common.api.market.MarketApi;
import com.eshop.common.api.market.UserCouponDTO;
import com.eshop.order.application.MarketGateway;
import org.apache.dubbo.config.annotation.DubboReference;
import org.springframework.stereotype.Component;

import static com.eshop.support.error.ApiResults.unwrap;

@Component
public class DubboMarketGateway implements MarketGateway {
    @DubboReference(version = "1.0.0", check = false)
    private MarketApi marketApi;

    @Override
    public int lockUserCoupon(String userId, String couponId, String orderId) {
        LockUserCouponRequest request = new LockUserCouponRequest();
        request.setUserId(userId);
        request.setCouponId(couponId);
        request.setOrderId(orderId);
        return unwrap(marketApi.lockUserCoupon(request)).getAmount();
    }

    @Override
    public boolean isCouponHeldBy(String couponId, String orderId) {
        UserCouponDTO coupon = unwrap(marketApi.getUserCoupon(couponId));
        return coupon != null && Integer.valueOf(1).equals(coupon.getUsed()) && orderId.equals(coupon.getOrderId());
    }
}
