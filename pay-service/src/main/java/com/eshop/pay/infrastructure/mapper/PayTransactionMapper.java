package com.eshop.pay.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.pay.infrastructure.dataobject.PayTransactionDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;

public interface PayTransactionMapper extends BaseMapper<PayTransactionDO> {

    @Select("SELECT * FROM pay_transaction WHERE order_id = #{orderId} AND pay_type = #{payType}")
    PayTransactionDO selectByOrderIdAndPayType(@Param("orderId") String orderId, @Param("payType") int payType);

    @Select("SELECT * FROM pay_transaction WHERE out_trade_no = #{outTradeNo}")
    PayTransactionDO selectByOutTradeNo(@Param("outTradeNo") String outTradeNo);

    @Update("UPDATE pay_transaction SET status = #{to} WHERE out_trade_no = #{outTradeNo} AND status = #{from}")
    int updateStatus(@Param("outTradeNo") String outTradeNo, @Param("from") int from, @Param("to") int to);

    @Select("SELECT * FROM pay_transaction WHERE order_id = #{orderId} ORDER BY id")
    List<PayTransactionDO> selectByOrderId(@Param("orderId") String orderId);
}
