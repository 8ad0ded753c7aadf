public enum ChargebackCoreModule {}
