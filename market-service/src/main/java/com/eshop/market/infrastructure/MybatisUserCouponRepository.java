package com.eshop.market.infrastructure;

import com.eshop.market.domain.CouponUsage;
import com.eshop.market.domain.UserCoupon;
import com.eshop.market.domain.UserCouponRepository;
import com.eshop.market.infrastructure.dataobject.UserCouponDO;
import com.eshop.market.infrastructure.mapper.UserCouponMapper;
import org.apache.seata.spring.annotation.GlobalLock;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

@Repository
public class MybatisUserCouponRepository implements UserCouponRepository {
    private final UserCouponMapper mapper;

    public MybatisUserCouponRepository(UserCouponMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<UserCoupon> findByCouponId(String couponId) {
        return Optional.ofNullable(mapper.selectByCouponId(couponId)).map(MybatisUserCouponRepository::toCoupon);
    }

    /**
     * FOR UPDATE: inside a global transaction Seata checks the rows' global locks (outside one, {@link GlobalLock} makes
     * it) and retries, then fails with a lock conflict while another global transaction holds them.
     */
    @Override
    @GlobalLock
    @Transactional(rollbackFor = Exception.class)
    public Optional<UserCoupon> findCommittedCoupon(String couponId) {
        return Optional.ofNullable(mapper.selectByCouponIdForUpdate(couponId)).map(MybatisUserCouponRepository::toCoupon);
    }

    private static UserCoupon toCoupon(UserCouponDO row) {
        return new UserCoupon(row.getCouponId(), row.getUserId(), row.getAmount(), CouponUsage.of(row.getUsed()), row.getOrderId());
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
