package com.eshop.order.infrastructure.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface OrderPaymentDetailMapper extends BaseMapper<OrderPaymentDetailDO> {

    @Update("UPDATE order_payment_detail SET pay_type = #{payType} WHERE order_id = #{orderId} AND pay_status = #{unpaid}")
    int choosePayType(@Param("orderId") String orderId, @Param("payType") int payType, @Param("unpaid") int unpaid);

    @Update("UPDATE order_payment_detail SET pay_status = #{paid}, pay_type = #{payType}, out_trade_no = #{outTradeNo}, pay_time = NOW(3) "
            + "WHERE order_id = #{orderId} AND pay_status = #{unpaid}")
    int markPaid(@Param("orderId") String orderId, @Param("payType") int payType, @Param("outTradeNo") String outTradeNo,
                 @Param("unpaid") int unpaid, @Param("paid") int paid);
}
