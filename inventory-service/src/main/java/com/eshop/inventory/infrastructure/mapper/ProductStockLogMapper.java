package com.eshop.inventory.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.inventory.infrastructure.dataobject.ProductStockLogDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;

public interface ProductStockLogMapper extends BaseMapper<ProductStockLogDO> {

    @Select("SELECT * FROM product_stock_log WHERE order_id = #{orderId} ORDER BY sku_code")
    List<ProductStockLogDO> selectByOrderId(@Param("orderId") String orderId);

    @Select("SELECT * FROM product_stock_log WHERE order_id = #{orderId} ORDER BY sku_code FOR UPDATE")
    List<ProductStockLogDO> selectByOrderIdForUpdate(@Param("orderId") String orderId);

    @Update("UPDATE product_stock_log SET status = #{to} WHERE id = #{id} AND status = #{from}")
    int updateStatus(@Param("id") long id, @Param("from") int from, @Param("to") int to);
}
