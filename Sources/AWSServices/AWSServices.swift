public enum AWSServicesModule {}
