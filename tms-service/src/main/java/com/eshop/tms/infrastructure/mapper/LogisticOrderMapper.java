package com.eshop.tms.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.tms.infrastructure.dataobject.LogisticOrderDO;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface LogisticOrderMapper extends BaseMapper<LogisticOrderDO> {

    @Select("SELECT * FROM logistic_order WHERE order_id = #{orderId}")
    LogisticOrderDO selectByOrderId(@Param("orderId") String orderId);

    @Select("SELECT * FROM logistic_order WHERE order_id = #{orderId} FOR UPDATE")
    LogisticOrderDO selectByOrderIdForUpdate(@Param("orderId") String orderId);

    @Delete("DELETE FROM logistic_order WHERE logistic_order_id = #{logisticOrderId}")
    int deleteByLogisticOrderId(@Param("logisticOrderId") String logisticOrderId);
}
