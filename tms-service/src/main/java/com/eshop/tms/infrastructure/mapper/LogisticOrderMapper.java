package com.eshop.tms.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.tms.infrastructure.dataobject.LogisticOrderDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface LogisticOrderMapper extends BaseMapper<LogisticOrderDO> {

    @Select("SELECT * FROM logistic_order WHERE order_id = #{orderId}")
    LogisticOrderDO selectByOrderId(@Param("orderId") String orderId);

    @Select("SELECT * FROM logistic_order WHERE order_id = #{orderId} FOR UPDATE")
    LogisticOrderDO selectByOrderIdForUpdate(@Param("orderId") String orderId);

    @Update("UPDATE logistic_order SET status = #{to} WHERE logistic_order_id = #{logisticOrderId} AND status = #{from}")
    int updateStatus(@Param("logisticOrderId") String logisticOrderId, @Param("from") int from, @Param("to") int to);
}
