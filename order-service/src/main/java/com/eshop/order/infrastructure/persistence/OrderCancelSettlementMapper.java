package com.eshop.order.infrastructure.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.util.Date;
import java.util.List;

/** Cancelled orders the reconciliation job found settled (released and refunded), and those it has still to check. */
@Mapper
public interface OrderCancelSettlementMapper {

    @Insert("INSERT IGNORE INTO order_cancel_settlement (order_id) VALUES (#{orderId})")
    int insertIgnore(@Param("orderId") String orderId);

    /**
     * One keyset page of this shard's cancelled orders, cancelled within (from, until], not yet found settled,
     * through idx_status_cancel_time.
     */
    @Select("SELECT o.order_id, o.cancel_time FROM order_info o WHERE o.order_status = #{canceled} "
            + "AND o.cancel_time > #{from} AND o.cancel_time <= #{until} "
            + "AND (o.cancel_time > #{afterCancelTime} OR (o.cancel_time = #{afterCancelTime} AND o.order_id > #{afterOrderId})) "
            + "AND MOD(CRC32(o.order_id), #{shardTotal}) = #{shardIndex} "
            + "AND NOT EXISTS (SELECT 1 FROM order_cancel_settlement s WHERE s.order_id = o.order_id) "
            + "ORDER BY o.cancel_time, o.order_id LIMIT #{pageSize}")
    List<OrderInfoDO> selectUnsettledCancelledPage(@Param("canceled") int canceled, @Param("from") Date from, @Param("until") Date until,
                                                   @Param("afterCancelTime") Date afterCancelTime, @Param("afterOrderId") String afterOrderId,
                                                   @Param("shardIndex") int shardIndex, @Param("shardTotal") int shardTotal,
                                                   @Param("pageSize") int pageSize);
}
