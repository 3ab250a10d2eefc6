package com.eshop.pay.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.pay.infrastructure.dataobject.PayRefundDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

public interface PayRefundMapper extends BaseMapper<PayRefundDO> {

    @Select("SELECT * FROM pay_refund WHERE refund_request_id = #{refundRequestId}")
    PayRefundDO selectByRefundRequestId(@Param("refundRequestId") String refundRequestId);

    @Select("SELECT COALESCE(SUM(refund_amount), 0) FROM pay_refund WHERE out_trade_no = #{outTradeNo}")
    long sumRefundAmountByOutTradeNo(@Param("outTradeNo") String outTradeNo);

    @Select("SELECT * FROM pay_refund WHERE order_id = #{orderId} ORDER BY id")
    List<PayRefundDO> selectByOrderId(@Param("orderId") String orderId);
}
