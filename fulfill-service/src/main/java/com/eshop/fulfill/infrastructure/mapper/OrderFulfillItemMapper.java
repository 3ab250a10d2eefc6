package com.eshop.fulfill.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.fulfill.infrastructure.dataobject.OrderFulfillItemDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface OrderFulfillItemMapper extends BaseMapper<OrderFulfillItemDO> {

    @Select("SELECT COUNT(*) FROM order_fulfill_item WHERE fulfill_id = #{fulfillId}")
    int countByFulfillId(@Param("fulfillId") String fulfillId);
}
