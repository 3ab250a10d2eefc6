package com.eshop.fulfill.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.fulfill.infrastructure.dataobject.OrderFulfillDO;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface OrderFulfillMapper extends BaseMapper<OrderFulfillDO> {

    @Select("SELECT * FROM order_fulfill WHERE order_id = #{orderId}")
    OrderFulfillDO selectByOrderId(@Param("orderId") String orderId);

    @Select("SELECT * FROM order_fulfill WHERE order_id = #{orderId} FOR UPDATE")
    OrderFulfillDO selectByOrderIdForUpdate(@Param("orderId") String orderId);

    @Delete("DELETE FROM order_fulfill WHERE fulfill_id = #{fulfillId}")
    int deleteByFulfillId(@Param("fulfillId") String fulfillId);
}
