"""extract/metrics"""
