package com.eshop.market.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.market.infrastructure.dataobject.UserCouponLogDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

public interface UserCouponLogMapper extends BaseMapper<UserCouponLogDO> {

    @Select("SELECT * FROM user_coupon_log WHERE order_id = #{orderId} ORDER BY id")
    List<UserCouponLogDO> selectByOrderId(@Param("orderId") String orderId);
}
