package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OrderPaymentRecordMapper extends BaseMapper<OrderPaymentRecordDO> {

    @Update("UPDATE order_payment_record SET status = #{to} WHERE order_id = #{orderId} AND pay_type = #{payType} AND status = #{from}")
    int transitStatus(@Param("orderId") String orderId, @Param("payType") int payType, @Param("from") int from, @Param("to") int to);
}
