package com.eshop.market.infrastructure;

import com.eshop.market.domain.CouponLog;
import com.eshop.market.domain.CouponLogAction;
import com.eshop.market.domain.CouponLogRepository;
import com.eshop.market.infrastructure.dataobject.UserCouponLogDO;
import com.eshop.market.infrastructure.mapper.UserCouponLogMapper;
import org.springframework.stereotype.Repository;

import java.time.ZoneOffset;
import java.util.List;

@Repository
public class MybatisCouponLogRepository implements CouponLogRepository {
    private final UserCouponLogMapper mapper;

    public MybatisCouponLogRepository(UserCouponLogMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void record(String couponId, String orderId, CouponLogAction action) {
        UserCouponLogDO row = new UserCouponLogDO();
        row.setCouponId(couponId);
        row.setOrderId(orderId);
        row.setAction(action.code());
        mapper.insert(row);
    }

    /** DATETIME columns hold UTC (the connection's serverTimezone). */
    @Override
    public List<CouponLog> findByOrderId(String orderId) {
        return mapper.selectByOrderId(orderId).stream()
                .map(row -> new CouponLog(row.getCouponId(), row.getOrderId(), CouponLogAction.of(row.getAction()),
                        row.getGmtCreate().toInstant(ZoneOffset.UTC)))
                .toList();
    }
}
