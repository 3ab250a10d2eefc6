package com.eshop.fulfill.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.fulfill.infrastructure.dataobject.OrderFulfillDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface OrderFulfillMapper extends BaseMapper<OrderFulfillDO> {

    @Select("SELECT * FROM order_fulfill WHERE order_id = #{orderId}")
    OrderFulfillDO selectByOrderId(@Param("orderId") String orderId);

    @Select("SELECT * FROM order_fulfill WHERE order_id = #{orderId} FOR UPDATE")
    OrderFulfillDO selectByOrderIdForUpdate(@Param("orderId") String orderId);

    @Update("UPDATE order_fulfill SET status = #{to} WHERE fulfill_id = #{fulfillId} AND status = #{from}")
    int updateStatus(@Param("fulfillId") String fulfillId, @Param("from") int from, @Param("to") int to);
}
