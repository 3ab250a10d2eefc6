package com.eshop.pay.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.pay.infrastructure.dataobject.PayCaptureDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.List;

public interface PayCaptureMapper extends BaseMapper<PayCaptureDO> {

    @Select("SELECT * FROM pay_capture WHERE out_trade_no = #{outTradeNo}")
    PayCaptureDO selectByOutTradeNo(@Param("outTradeNo") String outTradeNo);

    @Select("SELECT * FROM pay_capture WHERE out_trade_no = #{outTradeNo} FOR UPDATE")
    PayCaptureDO selectByOutTradeNoForUpdate(@Param("outTradeNo") String outTradeNo);

    @Select("SELECT * FROM pay_capture WHERE order_id = #{orderId} ORDER BY id")
    List<PayCaptureDO> selectByOrderId(@Param("orderId") String orderId);
}
