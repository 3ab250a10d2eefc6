package com.eshop.market.infrastructure;

import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.market.infrastructure.mapper.UserCouponMapper;
import org.springframework.stereotype.Repository;

import java.util.Optional;

@Repository
public class MybatisUserCouponRepository implements UserCouponRepository {
    private final UserCouponMapper mapper;

    public MybatisUserCouponRepository(UserCouponMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<UserCoupon> findByCouponId(String couponId) {
        return Optional.ofNullable(mapper.selectByCouponId(couponId))
                .map(row -> new UserCoupon(row.getCouponId(), row.getUserId(), row.getAmount(),
                        CouponUsage.of(row.getUsed()), row.getOrderId()));
    }

    @Override
    public boolean lock(String couponId, String userId, String orderId) {
        return mapper.lockCoupon(couponId, userId, orderId) == 1;
    }

    @Override
    public boolean release(String couponId, String userId, String orderId) {
        return mapper.releaseCoupon(couponId, userId, orderId) == 1;
    }
}
