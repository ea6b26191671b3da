process.env.MCBO_TEST_DIALECT = 'sqlite';
process.env.NODE_ENV = 'test';
