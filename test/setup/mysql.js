process.env.MCBO_TEST_DIALECT = 'mysql';
process.env.NODE_ENV = 'test';
