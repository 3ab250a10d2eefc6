package com.eshop.inventory.infrastructure.mapper;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.eshop.inventory.infrastructure.dataobject.ProductStockDO;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

public interface ProductStockMapper extends BaseMapper<ProductStockDO> {

    @Select("SELECT * FROM product_stock WHERE sku_code = #{skuCode}")
    ProductStockDO selectBySkuCode(@Param("skuCode") String skuCode);

    @Update("UPDATE product_stock SET sale_stock_quantity = sale_stock_quantity - #{quantity},"
            + " locked_stock_quantity = locked_stock_quantity + #{quantity}"
            + " WHERE sku_code = #{skuCode} AND sale_stock_quantity >= #{quantity}")
    int lockStock(@Param("skuCode") String skuCode, @Param("quantity") int quantity);

    @Update("UPDATE product_stock SET sale_stock_quantity = sale_stock_quantity + #{quantity},"
            + " locked_stock_quantity = locked_stock_quantity - #{quantity}"
            + " WHERE sku_code = #{skuCode} AND locked_stock_quantity >= #{quantity}")
    int releaseStock(@Param("skuCode") String skuCode, @Param("quantity") int quantity);

    @Update("UPDATE product_stock SET locked_stock_quantity = locked_stock_quantity - #{quantity},"
            + " saled_stock_quantity = saled_stock_quantity + #{quantity}"
            + " WHERE sku_code = #{skuCode} AND locked_stock_quantity >= #{quantity}")
    int deductStock(@Param("skuCode") String skuCode, @Param("quantity") int quantity);
}
