package com.eshop.wms.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.wms.infrastructure.dataobject.DeliveryOrderItemDO;

public interface DeliveryOrderItemMapper extends BaseMapper<DeliveryOrderItemDO> {
}
