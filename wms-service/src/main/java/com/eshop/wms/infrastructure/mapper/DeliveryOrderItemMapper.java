package com.eshop.wms.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.wms.infrastructure.dataobject.DeliveryOrderItemDO;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;

public interface DeliveryOrderItemMapper extends BaseMapper<DeliveryOrderItemDO> {

    @Delete("DELETE FROM delivery_order_item WHERE delivery_order_id = #{deliveryOrderId}")
    int deleteByDeliveryOrderId(@Param("deliveryOrderId") String deliveryOrderId);
}
