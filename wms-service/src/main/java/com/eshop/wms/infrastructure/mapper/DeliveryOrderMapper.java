package com.eshop.wms.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.wms.infrastructure.dataobject.DeliveryOrderDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface DeliveryOrderMapper extends BaseMapper<DeliveryOrderDO> {

    @Select("SELECT * FROM delivery_order WHERE order_id = #{orderId}")
    DeliveryOrderDO selectByOrderId(@Param("orderId") String orderId);

    @Select("SELECT * FROM delivery_order WHERE order_id = #{orderId} FOR UPDATE")
    DeliveryOrderDO selectByOrderIdForUpdate(@Param("orderId") String orderId);

    @Update("UPDATE delivery_order SET status = #{to} WHERE delivery_order_id = #{deliveryOrderId} AND status = #{from}")
    int updateStatus(@Param("deliveryOrderId") String deliveryOrderId, @Param("from") int from, @Param("to") int to);
}
