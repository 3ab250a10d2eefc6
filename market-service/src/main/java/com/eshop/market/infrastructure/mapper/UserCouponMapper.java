package com.eshop.market.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.market.infrastructure.dataobject.UserCouponDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface UserCouponMapper extends BaseMapper<UserCouponDO> {

    @Select("SELECT * FROM user_coupon WHERE coupon_id = #{couponId}")
    UserCouponDO selectByCouponId(@Param("couponId") String couponId);

    @Select("SELECT * FROM user_coupon WHERE coupon_id = #{couponId} FOR UPDATE")
    UserCouponDO selectByCouponIdForUpdate(@Param("couponId") String couponId);

    @Update("UPDATE user_coupon SET used = 1, order_id = #{orderId}, used_time = NOW(3)"
            + " WHERE coupon_id = #{couponId} AND user_id = #{userId} AND used = 0")
    int lockCoupon(@Param("couponId") String couponId, @Param("userId") String userId, @Param("orderId") String orderId);

    @Update("UPDATE user_coupon SET used = 0, order_id = NULL, used_time = NULL"
            + " WHERE coupon_id = #{couponId} AND user_id = #{userId} AND order_id = #{orderId} AND used = 1")
    int releaseCoupon(@Param("couponId") String couponId, @Param("userId") String userId, @Param("orderId") String orderId);
}
